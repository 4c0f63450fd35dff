import { Forbidden } from "@/components/forbidden";
import { ONLY_ADMINS_MESSAGE } from "@/lib/server/users/administer-user";

/** 403 for the users page. */
export default function UsersForbidden() {
  return <Forbidden message={ONLY_ADMINS_MESSAGE} />;
}
