namespace Endorse.Reminders;

/// <summary>
/// The record that a person's reminders (and digest) of one day went out. Unique per recipient and day: the insert is
/// the claim, made in the same transaction as the inbox entries and mails, so a restart or a second node never sends
/// the same day twice.
/// </summary>
public class SentReminder
{
    public long Id { get; set; }

    /// <summary>"user:{id}" or "advocate:{id}".</summary>
    public required string Recipient { get; set; }

    /// <summary>The day in the recipient's time zone.</summary>
    public DateOnly Day { get; set; }

    /// <summary>How many steps and notifications the message carried.</summary>
    public int Items { get; set; }

    /// <summary>What it was about ("OwnerApproval:12, Feedback:31"), for an operator who wonders.</summary>
    public string? Summary { get; set; }

    public DateTimeOffset SentAt { get; set; }
}
