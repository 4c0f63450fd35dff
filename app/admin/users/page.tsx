import type { Metadata } from "next";
import { AdminTable, type AdminColumn } from "@/components/admin/admin-table";
import { UserRoleSelect } from "@/components/admin/user-role-select";
import { UserStatusButton } from "@/components/admin/user-status-button";
import { formatDate } from "@/lib/format";
import { requireAdminPage } from "@/lib/server/auth/require-admin-page";
import { listUsers } from "@/lib/server/users/list-users";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

const SELF_NOTE_ID = "users-self-note";

const USER_COLUMNS: AdminColumn[] = [
  { label: "User" },
  { label: "Role" },
  { label: "Status" },
  { label: "Annotations", align: "right" },
  { label: "Created" },
  { label: "Access", align: "right", hidden: true },
];

export default async function AdminUsersPage() {
  const admin = await requireAdminPage("/admin/users");
  const users = await listUsers({ actor: admin });
  const disabledCount = users.filter((user) => user.disabledAt).length;

  return (
    <section aria-labelledby="users-heading" className="mx-auto max-w-5xl">
      <h1 id="users-heading" className="font-serif text-3xl font-semibold tracking-tight">
        Users
      </h1>
      <p className="mt-1 text-sm text-[var(--muted)]">
        {users.length === 1 ? "1 account" : `${users.length} accounts`}
        {disabledCount > 0 && `, ${disabledCount} disabled`}, newest first. Disabling signs a user out at once; their annotations stay.
      </p>
      <p id={SELF_NOTE_ID} className="mt-1 text-sm text-[var(--muted)]">
        You cannot change your own role or disable your own account: another administrator can.
      </p>

      <AdminTable caption="All accounts, with their role, status and annotations" minWidth="44rem" columns={USER_COLUMNS}>
        {users.map((user) => {
          const isSelf = user.id === admin.id;
          return (
            <tr key={user.id} className="align-top">
              <th scope="row" className="py-3 pr-4 font-normal">
                <span className="flex items-center gap-2">
                  <span aria-hidden className="size-2.5 shrink-0 rounded-full" style={{ background: user.color }} />
                  <span className={user.disabledAt ? "font-medium text-[var(--muted)]" : "font-medium"}>{user.name}</span>
                  {isSelf && <span className="rounded border border-[var(--rule)] px-1.5 text-xs text-[var(--muted)]">You</span>}
                </span>
                <span className="mt-0.5 block pl-[1.125rem] text-[var(--muted)]">{user.email}</span>
              </th>
              <td className="py-3 pr-4">
                <UserRoleSelect userId={user.id} name={user.name} role={user.role} locked={isSelf} describedBy={isSelf ? SELF_NOTE_ID : undefined} />
              </td>
              <td className="py-3 pr-4 whitespace-nowrap">
                {user.disabledAt ? (
                  <span className="inline-flex flex-col">
                    <span className="inline-flex items-center gap-1.5 font-medium text-red-800 dark:text-red-300">
                      <span aria-hidden>⊘</span>Disabled
                    </span>
                    <span className="text-xs text-[var(--muted)]">
                      since <time dateTime={user.disabledAt.toISOString()}>{formatDate(user.disabledAt)}</time>
                    </span>
                  </span>
                ) : (
                  <span className="inline-flex items-center gap-1.5">
                    <span aria-hidden className="size-2 rounded-full bg-emerald-600" />
                    Active
                  </span>
                )}
              </td>
              <td className="py-3 pr-4 text-right tabular-nums">{user.annotationCount}</td>
              <td className="py-3 pr-4 whitespace-nowrap">
                <time dateTime={user.createdAt.toISOString()}>{formatDate(user.createdAt)}</time>
              </td>
              <td className="py-3 text-right">
                <UserStatusButton
                  userId={user.id}
                  name={user.name}
                  disabled={user.disabledAt !== null}
                  locked={isSelf}
                  describedBy={isSelf ? SELF_NOTE_ID : undefined}
                />
              </td>
            </tr>
          );
        })}
      </AdminTable>
    </section>
  );
}
