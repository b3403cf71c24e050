import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxMessage } from '../api/api-types';
import { useFormat } from '../i18n/format';

// Mail text is plain; web addresses in it become links so an administrator can pass an
// invitation on by hand when no mail server is set up.
function withLinks(text: string) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return parts.map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part}>
        {part}
      </a>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}

/**
 * The text of a mail. A reset or invitation link is shown only while it works; after that (or when the
 * server cannot open it) a marker stands where it was, and a note below says why.
 */
function MailText({ message }: { message: OutboxMessage }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { text, secretLink } = message;
  if (!secretLink) return <pre className="mail-text">{withLinks(text)}</pre>;
  const until = format.dateTime(secretLink.expiresAt);
  return (
    <>
      <pre className="mail-text">
        {withLinks(text.slice(0, secretLink.at))}
        {secretLink.status === 'valid' ? (
          <a href={secretLink.url}>{secretLink.url}</a>
        ) : (
          <span className="mail-redacted">{secretLink.status === 'expired' ? t('[link verlopen en verwijderd]') : t('[link niet beschikbaar]')}</span>
        )}
        {withLinks(text.slice(secretLink.at))}
      </pre>
      <p className="mail-link-note">
        {secretLink.status === 'valid'
          ? t('Deze link werkt tot {{time}}. Daarna verdwijnt hij uit het postvak.', { time: until })
          : secretLink.status === 'expired'
            ? t('Deze link werkte tot {{time}}. Hij is verlopen en uit het postvak verwijderd; stuur zo nodig een nieuwe.', { time: until })
            : t('Deze link kan nu niet getoond worden: de sleutel voor versleutelde gegevens ontbreekt op de server.')}
      </p>
    </>
  );
}

/** The mails in an outbox, newest first. */
export function OutboxList({ messages }: { messages: OutboxMessage[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (messages.length === 0) return <p className="notice">{t('Het postvak is leeg.')}</p>;
  return (
    <ul className="outbox">
      {messages.map((message) => (
        <li key={message.id} className="card">
          <article aria-labelledby={`bericht-${message.id}`}>
            <h2 id={`bericht-${message.id}`} className="outbox-subject">
              {message.subject}
            </h2>
            <dl className="meta">
              <div>
                <dt>{t('Aan')}</dt>
                <dd>{message.to}</dd>
              </div>
              <div>
                <dt>{t('Verstuurd')}</dt>
                <dd>
                  <time dateTime={message.createdAt}>{format.dateTime(message.createdAt)}</time>
                </dd>
              </div>
            </dl>
            <MailText message={message} />
          </article>
        </li>
      ))}
    </ul>
  );
}
