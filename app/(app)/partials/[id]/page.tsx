import { PartialDetail } from "@/components/partials/partial-detail";

export const metadata = { title: "Partial" };

export default async function PartialPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <PartialDetail id={decodeURIComponent(id)} />;
}
