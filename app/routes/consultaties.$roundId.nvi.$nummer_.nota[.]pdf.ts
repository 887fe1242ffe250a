import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFound } from '~/domain/accounts/permissions.server'
import { notaPdf } from '~/domain/consultations/exports.server'

export async function loader({ params }: LoaderFunctionArgs) {
  const nummer = Number(params.nummer)
  if (!Number.isInteger(nummer) || nummer < 1) notFound()
  const pdf = await notaPdf(params.roundId!, nummer)
  if (!pdf) notFound()
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="nota-van-inlichtingen-${nummer}.pdf"`,
    },
  })
}
