export const OWNER = { name: "Olive Owner", email: "owner@promptly.test", password: "correct-horse-battery" };
