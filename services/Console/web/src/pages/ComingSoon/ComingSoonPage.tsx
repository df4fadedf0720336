/** Issue 15's screens have their place in the navigation; until they are built this says so, with no made-up data. */
export function ComingSoonPage({ title }: { title: string }) {
  return (
    <section className="page">
      <h1>{title}</h1>
      <p className="placeholder-note">
        Coming with the log/trace screens. The {title.toLowerCase()} screen is not part of this version of the console yet.
      </p>
    </section>
  );
}
