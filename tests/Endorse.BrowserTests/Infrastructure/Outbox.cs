using MimeKit;

namespace Endorse.BrowserTests.Infrastructure;

/// <summary>Reads the mail the app sent, as the .eml files a mail client would open.</summary>
public static class Outbox
{
    /// <summary>Waits (up to <paramref name="timeout"/>) for a message to <paramref name="to"/> whose subject starts with <paramref name="subject"/>.</summary>
    public static async Task<MimeMessage> WaitForAsync(string folder, string to, string subject, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase))
                        && (message.Subject ?? string.Empty).StartsWith(subject, StringComparison.Ordinal))
                    {
                        return message;
                    }
                }
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"No mail to {to} with a subject starting \"{subject}\" in {folder}.");
            }

            await Task.Delay(250);
        }
    }
}
