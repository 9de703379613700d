// Liveness for load balancers and the test harness: no database, no auth.
export function GET() {
  return Response.json({ status: "ok" });
}
