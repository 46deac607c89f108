using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Endorse.Notifications;

/// <summary>Hands one message to the outside world. Throws when it could not; the sender retries later.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Builds the MIME message for a queued mail: text body, optional HTML alternative, optional attachment.</summary>
public static class MailMessages
{
    public static MimeMessage Build(OutboundMail mail, MailSettings settings)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(settings);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(new MailboxAddress(mail.ToName ?? string.Empty, mail.To));
        message.Subject = mail.Subject;
        message.Date = mail.CreatedAt;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(MailboxAddress.Parse(settings.From).Domain);

        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        if (mail.AttachmentContent is { Length: > 0 } content && !string.IsNullOrWhiteSpace(mail.AttachmentName))
        {
            body.Attachments.Add(mail.AttachmentName, content, ContentType.Parse(mail.AttachmentMediaType ?? "application/octet-stream"));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    public static IMailTransport TransportFor(MailSettings settings) =>
        settings.UsesSmtp ? new SmtpMailTransport(settings) : new OutboxFolderMailTransport(settings.OutboxFolder);
}

/// <summary>Sends through the SMTP server in <c>Mail:Smtp:*</c> with MailKit.</summary>
public sealed class SmtpMailTransport(MailSettings settings) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = 30_000 };
        var security = settings.SmtpUseTls
            ? (settings.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls)
            : SecureSocketOptions.None;
        await client.ConnectAsync(settings.SmtpHost ?? "localhost", settings.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Writes each message as an .eml file into a folder: mail without a mail server, readable by any mail client.</summary>
public sealed class OutboxFolderMailTransport(string folder) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(folder, name + ".tmp");
        await using (var stream = File.Create(temporary))
        {
            await message.WriteToAsync(stream, cancellationToken);
        }

        // Written under a temporary name and renamed, so a reader never sees half a message.
        File.Move(temporary, Path.Combine(folder, name));
    }
}
