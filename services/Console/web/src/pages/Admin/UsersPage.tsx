import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { Role } from "../../api/session";
import { isAdmin } from "../../api/session";
import { createUser, deleteUser, listUsers, minPasswordLength, updateUser, usersKey, type Account } from "../../api/users";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { useSession } from "../../shell/SessionContext";

const roles: Role[] = ["viewer", "editor", "admin"];

function CreateUserForm() {
  const client = useQueryClient();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [password, setPassword] = useState("");
  const create = useMutation({
    mutationFn: createUser,
    onSuccess: () => {
      setName("");
      setPassword("");
      void client.invalidateQueries({ queryKey: usersKey });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, role, password });
  };
  return (
    <form className="card form-row" onSubmit={submit} aria-label="New account">
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} required autoComplete="off" />
      </label>
      <label>
        Role
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roles.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
      </label>
      <label>
        Password (at least {minPasswordLength} characters)
        <input type="password" value={password} minLength={minPasswordLength} onChange={(e) => setPassword(e.target.value)} required autoComplete="new-password" />
      </label>
      <button type="submit" className="primary" disabled={create.isPending}>Create account</button>
      {create.isError && <ErrorMessage error={create.error} context="Not created" />}
    </form>
  );
}

function AccountRow({ account, self }: { account: Account; self: boolean }) {
  const client = useQueryClient();
  const [password, setPassword] = useState("");
  const [confirming, setConfirming] = useState(false);
  const done = () => void client.invalidateQueries({ queryKey: usersKey });
  const update = useMutation({ mutationFn: (change: { role?: Role; password?: string }) => updateUser(account.name, change), onSuccess: () => { setPassword(""); done(); } });
  const remove = useMutation({ mutationFn: () => deleteUser(account.name), onSuccess: done });
  return (
    <tr>
      <th scope="row">{account.name}{self && <span className="muted">{" (you)"}</span>}</th>
      <td>
        <select aria-label={`Role of ${account.name}`} value={account.role} onChange={(e) => update.mutate({ role: e.target.value as Role })} disabled={update.isPending}>
          {roles.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
      </td>
      <td>
        <form className="form-row" onSubmit={(e) => { e.preventDefault(); update.mutate({ password }); }}>
          <input type="password" aria-label={`New password for ${account.name}`} value={password} minLength={minPasswordLength} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" required />
          <button type="submit" disabled={update.isPending}>Set password</button>
        </form>
      </td>
      <td>{new Date(account.updated).toLocaleString()}</td>
      <td>
        {confirming ? (
          <button type="button" onClick={() => remove.mutate()} aria-label={`Confirm deleting ${account.name}`}>Confirm</button>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} aria-label={`Delete ${account.name}`}>Delete</button>
        )}
        {update.isError && <ErrorMessage error={update.error} context="Not changed" />}
        {remove.isError && <ErrorMessage error={remove.error} context="Not deleted" />}
      </td>
    </tr>
  );
}

/** Admin › Users: the console's local accounts, their roles and passwords. */
export function UsersPage() {
  const session = useSession();
  const users = useQuery({ queryKey: usersKey, queryFn: ({ signal }) => listUsers(signal), enabled: isAdmin(session) });
  if (!isAdmin(session)) {
    return (
      <section className="page">
        <h1>Users</h1>
        <p>Managing accounts needs the admin role.</p>
      </section>
    );
  }
  return (
    <section className="page">
      <h1>Users</h1>
      <CreateUserForm />
      {users.isError && <ErrorMessage error={users.error} context="Could not list the accounts" />}
      {users.isPending && <p className="loading">Loading…</p>}
      {users.data && (
        <table className="data" aria-label="Accounts">
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Password</th><th scope="col">Updated</th><th scope="col">Actions</th></tr>
          </thead>
          <tbody>
            {users.data.map((account) => <AccountRow key={account.name} account={account} self={account.name === session.name} />)}
          </tbody>
        </table>
      )}
    </section>
  );
}
