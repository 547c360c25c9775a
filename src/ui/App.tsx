/** Placeholder root component; replaced by the real application shell. */
export function App() {
  return (
    <main>
      <h1>Replica Lab</h1>
    </main>
  );
}
