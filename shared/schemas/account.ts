/** Request bodies for accounts, sign-in, members and invitations. */
import { z } from 'zod'
import { ROLES } from '../permissions'

export const emailSchema = z.string().trim().toLowerCase().max(254).email('Enter a valid email address')
/** At least 10 characters (NIST 800-63B: length over composition rules); at most 200 to bound hashing work. */
export const passwordSchema = z.string().min(10, 'Use at least 10 characters').max(200, 'Use at most 200 characters')
export const nameSchema = z.string().trim().min(1, 'Enter a name').max(100)

export const newAccountSchema = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema })
export type NewAccountInput = z.infer<typeof newAccountSchema>

export const loginSchema = z.object({ email: emailSchema, password: z.string().min(1, 'Enter your password').max(200) })

/** Changing one's password: the current one (checked by the server) and a new, different one. */
export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'Enter your current password').max(200),
  newPassword: passwordSchema,
}).refine(b => b.newPassword !== b.currentPassword, { path: ['newPassword'], message: 'Choose a password different from the current one' })
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>

export const roleSchema = z.enum(ROLES)

export const addMemberSchema = z.object({ email: emailSchema, role: roleSchema })
export const changeRoleSchema = z.object({ role: roleSchema })

export const createInvitationSchema = z.object({
  role: roleSchema,
  /** Days until the link expires (1–30, default 7). */
  expiresInDays: z.number().int().min(1).max(30).default(7),
})

/** Accepting an invitation: signed in already (empty body), or creating an account on the way. */
export const acceptInvitationSchema = z.union([newAccountSchema, z.object({}).strict()])
