import { ExperimentsView } from "@/components/experiments/experiments-view";

export const metadata = { title: "Experiments" };

export default function ExperimentsPage() {
  return <ExperimentsView />;
}
