import { ReleasesView } from "@/components/releases/releases-view";

export const metadata = { title: "Releases" };

export default function ReleasesPage() {
  return <ReleasesView />;
}
