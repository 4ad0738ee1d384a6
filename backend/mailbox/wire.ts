import * as z from 'zod'

/**
 * The part of Resend's `POST /emails` body the mailbox reads. Resend takes `to` as one address or
 * a list of up to 50, and at least one of `text` and `html`.
 */
export const sendEmailSchema = z
  .object({
    from: z.string().min(1),
    to: z.union([z.email(), z.array(z.email()).min(1).max(50)]),
    subject: z.string().min(1),
    text: z.string().optional(),
    html: z.string().optional(),
  })
  .refine((body) => body.text !== undefined || body.html !== undefined, {
    message: 'Either `text` or `html` must be provided',
  })

/** An error in Resend's shape: `{ statusCode, name, message }`. */
export const resendError = (statusCode: number, name: string, message: string) => ({
  statusCode,
  name,
  message,
})
