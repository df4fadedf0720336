/** The console's root; the navigation and screens hang off this. */
export function App() {
  return (
    <main>
      <h1>AIRIS EPM</h1>
    </main>
  );
}
