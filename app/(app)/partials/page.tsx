import { PartialsView } from "@/components/partials/partials-view";

export const metadata = { title: "Partials" };

export default function PartialsPage() {
  return <PartialsView />;
}
