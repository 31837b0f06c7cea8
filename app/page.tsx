export default function HomePage() {
  return (
    <main>
      <h1>W&amp;B air-gapped install wizard</h1>
    </main>
  );
}
