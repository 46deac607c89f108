using Microsoft.Extensions.Configuration;

namespace Endorse.Notifications;

/// <summary>
/// How Endorse sends e-mail, from the <c>Mail</c> section: through an SMTP server when <c>Mail:Smtp:Host</c> is set,
/// otherwise as <c>.eml</c> files in <c>Mail:OutboxFolder</c> (default data/outbox) for a person or a test to read.
/// </summary>
public sealed record MailSettings
{
    public string From { get; init; } = "endorse@localhost";
    public string FromName { get; init; } = "Endorse";
    public string OutboxFolder { get; init; } = "data/outbox";

    /// <summary>
    /// The app's public address (<c>PublicBaseUrl</c>, formerly <c>Mail:BaseUrl</c>), so links in e-mail are absolute.
    /// Required in production; in development the host fills it in with the address it listens on.
    /// </summary>
    public PublicAddress PublicAddress { get; init; } = new(null);

    public string? SmtpHost { get; init; }
    public int SmtpPort { get; init; } = 25;
    public bool SmtpUseTls { get; init; }
    public string? SmtpUser { get; init; }
    public string? SmtpPassword { get; init; }

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);

    public static MailSettings FromConfiguration(IConfiguration configuration)
    {
        var mail = configuration.GetSection("Mail");
        var smtp = mail.GetSection("Smtp");
        return new MailSettings
        {
            From = NonEmpty(mail["From"]) ?? "endorse@localhost",
            FromName = NonEmpty(mail["FromName"]) ?? "Endorse",
            OutboxFolder = NonEmpty(mail["OutboxFolder"]) ?? "data/outbox",
            PublicAddress = new PublicAddress(NonEmpty(configuration["PublicBaseUrl"]) is { } url
                ? PublicAddress.Parse(url)
                : PublicAddress.Parse(mail["BaseUrl"], "Mail:BaseUrl")),
            SmtpHost = NonEmpty(smtp["Host"]),
            SmtpPort = int.TryParse(smtp["Port"], out var port) ? port : 25,
            SmtpUseTls = bool.TryParse(smtp["UseTls"], out var tls) && tls,
            SmtpUser = NonEmpty(smtp["User"]),
            SmtpPassword = NonEmpty(smtp["Password"]),
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
