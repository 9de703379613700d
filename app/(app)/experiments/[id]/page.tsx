import { ExperimentDetail } from "@/components/experiments/experiment-detail";

export const metadata = { title: "Experiment" };

export default async function ExperimentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ExperimentDetail experimentId={id} />;
}
