import { DatasetsView } from "@/components/datasets/datasets-view";

export const metadata = { title: "Datasets" };

export default function DatasetsPage() {
  return <DatasetsView />;
}
