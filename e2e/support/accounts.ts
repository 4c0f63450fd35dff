/** The admin the e2e server seeds (a throwaway database: these credentials exist nowhere else). */
export const E2E_ADMIN = { email: "admin@e2e.glossa.test", password: "e2e-admin-password-7f3c91", name: "E2E Admin" };
