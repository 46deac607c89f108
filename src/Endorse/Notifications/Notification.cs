namespace Endorse.Notifications;

/// <summary>A message in a user's in-app inbox.</summary>
public class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Title { get; set; }
    public string? Body { get; set; }

    /// <summary>A relative link in the app to the thing the message is about.</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>To be mailed in the person's daily digest (they chose one mail a day); false once the digest went out.</summary>
    public bool AwaitsDigest { get; set; }
}

public enum MailStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>An e-mail waiting to be sent, or sent. The scheduler's job sends pending mail and retries failures.</summary>
public class OutboundMail
{
    public long Id { get; set; }
    public required string To { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }

    /// <summary>An optional attachment (a calendar invite, say): file name, media type and content.</summary>
    public string? AttachmentName { get; set; }
    public string? AttachmentMediaType { get; set; }
    public byte[]? AttachmentContent { get; set; }

    public MailStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}
