import { Forbidden } from "@/components/forbidden";
import { ONLY_ADMINS_IMPORT } from "@/lib/server/import/assert-can-import";

/** 403 for the admin pages (import and articles); the users page has its own message. */
export default function AdminForbidden() {
  return <Forbidden message={ONLY_ADMINS_IMPORT} />;
}
