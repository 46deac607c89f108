using System.Text;
using Endorse.Notifications;
using MimeKit;

namespace Endorse.Tests.Notifications;

public class MailMessagesTests
{
    private static readonly MailSettings Settings = new() { From = "endorse@example.com", FromName = "Endorse" };

    [Fact]
    public void A_message_has_the_sender_recipient_subject_text_and_html_bodies()
    {
        var message = MailMessages.Build(Mail(), Settings);

        Assert.Equal("endorse@example.com", message.From.Mailboxes.Single().Address);
        Assert.Equal("Endorse", message.From.Mailboxes.Single().Name);
        Assert.Equal("ada@example.com", message.To.Mailboxes.Single().Address);
        Assert.Equal("Ada Lovelace", message.To.Mailboxes.Single().Name);
        Assert.Equal("Your request was approved", message.Subject);
        Assert.Contains("Approved by Grace.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>Approved by Grace.</p>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attachment_travels_with_its_name_media_type_and_content()
    {
        var mail = Mail();
        mail.AttachmentName = "call.ics";
        mail.AttachmentMediaType = "text/calendar";
        mail.AttachmentContent = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");

        var attachment = Assert.IsAssignableFrom<MimePart>(MailMessages.Build(mail, Settings).Attachments.Single());

        Assert.Equal("call.ics", attachment.FileName);
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        Assert.Equal("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", Encoding.UTF8.GetString(content.ToArray()));
    }

    [Fact]
    public void The_transport_is_smtp_only_when_a_host_is_configured()
    {
        Assert.IsType<OutboxFolderMailTransport>(MailMessages.TransportFor(Settings));
        Assert.IsType<SmtpMailTransport>(MailMessages.TransportFor(Settings with { SmtpHost = "smtp.example.com" }));
    }

    private static OutboundMail Mail() => new()
    {
        To = "ada@example.com",
        ToName = "Ada Lovelace",
        Subject = "Your request was approved",
        TextBody = "Approved by Grace.",
        HtmlBody = "<p>Approved by Grace.</p>",
        CreatedAt = DateTimeOffset.UtcNow,
    };
}
