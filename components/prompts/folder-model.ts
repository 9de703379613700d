import type { Collection } from "@/lib/hooks/use-collections";

export interface FolderNode {
  folder: Collection;
  children: FolderNode[];
}

/** Folders as a tree (default folder first, then by name); orphans surface at the top. */
export function buildFolderTree(folders: Collection[]): FolderNode[] {
  const nodes = new Map(folders.map((folder) => [folder.id, { folder, children: [] as FolderNode[] }]));
  const roots: FolderNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.folder.parent_collection_id ? nodes.get(node.folder.parent_collection_id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: FolderNode[]) => {
    list.sort((a, b) => Number(b.folder.is_default) - Number(a.folder.is_default) || a.folder.name.localeCompare(b.folder.name));
    list.forEach((node) => sort(node.children));
  };
  sort(roots);
  return roots;
}

/** Depth-first, with depth: for indented <select> options. */
export function flattenTree(roots: FolderNode[]): { folder: Collection; depth: number }[] {
  const out: { folder: Collection; depth: number }[] = [];
  const walk = (list: FolderNode[], depth: number) => {
    for (const node of list) {
      out.push({ folder: node.folder, depth });
      walk(node.children, depth + 1);
    }
  };
  walk(roots, 0);
  return out;
}

/** The folder and everything under it: where it can't be moved to. */
export function subtreeIds(folders: Collection[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const folder of folders) {
      if (folder.parent_collection_id && ids.has(folder.parent_collection_id) && !ids.has(folder.id)) {
        ids.add(folder.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** "Parent / Child" for a folder id. */
export function folderPath(folders: Collection[], id: string | null | undefined): string {
  const byId = new Map(folders.map((f) => [f.id, f]));
  const names: string[] = [];
  for (let current = id ? byId.get(id) : undefined; current && names.length < 20; current = current.parent_collection_id ? byId.get(current.parent_collection_id) : undefined) {
    names.unshift(current.name);
  }
  return names.join(" / ");
}
