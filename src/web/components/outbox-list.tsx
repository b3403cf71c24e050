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
            <pre className="mail-text">{withLinks(message.text)}</pre>
          </article>
        </li>
      ))}
    </ul>
  );
}
