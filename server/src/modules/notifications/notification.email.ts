import nodemailer, { type Transporter } from 'nodemailer';
import type { AppDeps } from '../../platform/context.js';

const SUBJECTS: Record<string, { id: string; en: string }> = {
  referral_received: { id: 'Rujukan masuk', en: 'Incoming referral' },
  referral_accepted: { id: 'Rujukan diterima', en: 'Referral accepted' },
  referral_declined: { id: 'Rujukan ditolak', en: 'Referral declined' },
  referral_completed: { id: 'Rujukan selesai', en: 'Referral completed' },
  referral_revoked: { id: 'Rujukan dicabut', en: 'Referral revoked' },
  referral_overdue: { id: 'Rujukan terlambat dijawab', en: 'Referral answer overdue' },
  service_overdue: { id: 'Layanan melewati tenggat', en: 'Service overdue' },
  follow_up_overdue: { id: 'Kunjungan tindak lanjut terlambat', en: 'Follow-up visit overdue' },
  first_response_overdue: { id: 'Respons pertama melewati tenggat', en: 'First response overdue' },
  restitution_requirements_overdue: {
    id: 'Syarat restitusi korban anak belum dilengkapi',
    en: 'Child victim’s restitution requirements not completed',
  },
  restitution_overdue: {
    id: 'Restitusi belum dibayar lewat batas',
    en: 'Restitution unpaid past the deadline',
  },
  legal_police_assigned: {
    id: 'Kasus ditugaskan ke kepolisian Anda',
    en: 'A case was assigned to your police office',
  },
  sign_in_throttled: {
    id: 'Banyak percobaan masuk yang gagal ke akun Anda; jika bukan Anda, beri tahu administrator',
    en: 'Many failed sign-ins to your account; if it was not you, tell your administrator',
  },
};

let cached: { url: string; transport: Transporter } | null = null;

function transportFor(url: string) {
  if (cached?.url !== url) cached = { url, transport: nodemailer.createTransport(url) };
  return cached.transport;
}

/**
 * Emails notifications not yet emailed to users with an address. The body carries only the kind,
 * the case number and a link: never a name or anything else about the person.
 */
export async function sendNotificationEmails(
  deps: Pick<AppDeps, 'db' | 'config' | 'clock'>,
): Promise<number> {
  const url = deps.config.SMTP_URL;
  if (!url) return 0;
  const rows = await deps.db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .select([
      'notifications.id',
      'notifications.kind',
      'notifications.case_number',
      'notifications.referral_id',
      'users.email',
      'users.language',
    ])
    .where('notifications.emailed_at', 'is', null)
    .where('users.email', 'is not', null)
    .where('users.active', '=', 1)
    .limit(200)
    .execute();
  const base = (deps.config.PUBLIC_URL ?? '').replace(/\/$/, '');
  let sent = 0;
  for (const r of rows) {
    const lang = r.language === 'en' ? 'en' : 'id';
    const subject = SUBJECTS[r.kind]?.[lang] ?? (lang === 'en' ? 'Notification' : 'Pemberitahuan');
    const link = `${base}/my-work`;
    const text =
      lang === 'en'
        ? `${subject}${r.case_number ? ` for case ${r.case_number}` : ''}.\nOpen Sinergi to see it: ${link}\n`
        : `${subject}${r.case_number ? ` untuk kasus ${r.case_number}` : ''}.\nBuka Sinergi untuk melihatnya: ${link}\n`;
    try {
      await transportFor(url).sendMail({
        from: deps.config.SMTP_FROM,
        to: r.email!,
        subject: `Sinergi: ${subject}${r.case_number ? ` (${r.case_number})` : ''}`,
        text,
      });
      await deps.db
        .updateTable('notifications')
        .set({ emailed_at: deps.clock.now().toISOString() })
        .where('id', '=', r.id)
        .execute();
      sent++;
    } catch {
      // The in-app notification stands; the next delivery tries again.
      break;
    }
  }
  return sent;
}
