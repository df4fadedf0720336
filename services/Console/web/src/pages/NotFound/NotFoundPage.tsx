import { Link, useLocation } from "react-router";

export function NotFoundPage() {
  const location = useLocation();
  return (
    <section className="page">
      <h1>No such screen</h1>
      <p>
        There is no screen at <code>{location.pathname}</code> in this console. <Link to="/">Go to the overview</Link>.
      </p>
    </section>
  );
}
