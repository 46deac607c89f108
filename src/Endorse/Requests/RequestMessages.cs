using System.Globalization;
using Endorse.Advocates;
using Endorse.Formatting;

namespace Endorse.Requests;

/// <summary>The words of the request workflow's mails and notifications, in the product's language.</summary>
public static class RequestMessages
{
    /// <summary>"New request: reference call with Globex".</summary>
    public static string NewRequestTitle(ActivityType type, string? prospect) =>
        $"New request: {Words.Phrase(type)}{With(prospect)}";

    /// <summary>"Could you help with a reference call with Globex?".</summary>
    public static string AskSubject(ActivityType type, string? prospect) =>
        $"Could you help with a {Words.Phrase(type)}{With(prospect)}?";

    public static string AskText(string? firstName, string? askedBy, ActivityType type, string? prospect, string neededBy, int linkDays) =>
        $"Hello {firstName},\n\n{askedBy ?? "We"} would be grateful for your help with a {Words.Phrase(type)}{With(prospect)} " +
        $"before {neededBy}.\n\nPlease accept or decline here (the link works for {linkDays} days):";

    public static string AskReminderText(string? firstName, string? askedBy, ActivityType type, string? prospect, string neededBy, string? linkUntil) =>
        $"Hello {firstName},\n\na few days ago {askedBy ?? "we"} asked whether you could help with a {Words.Phrase(type)}{With(prospect)} " +
        $"before {neededBy}. A yes with a few times that suit you, or a no, takes a minute" +
        (linkUntil is null ? ":" : $" (the link works until {linkUntil}):");

    /// <summary>The note of a history entry that names an instant: ISO 8601 in UTC, shown in each viewer's zone.</summary>
    public static string InstantNote(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>An instant written by <see cref="InstantNote"/>, or null for any other note.</summary>
    public static DateTimeOffset? ReadInstantNote(string? note) =>
        note is { Length: 20 } && DateTimeOffset.TryParseExact(note, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    internal static string With(string? prospect) => string.IsNullOrWhiteSpace(prospect) ? string.Empty : " with " + prospect;
}

/// <summary>
/// What a booked activity's invitation and mails say: the prospect, the purpose, who takes part and how to join.
/// </summary>
public sealed record BookingText(
    ActivityType ActivityType,
    string? Prospect,
    string AdvocateName,
    string? AdvocateAccount,
    string RequesterName,
    string? RequesterEmail,
    IReadOnlyList<string> Products,
    string? JoinDetails,
    ContactChannel Channel,
    int RequestId)
{
    /// <summary>"Reference call with Globex: Anna Schmidt (Acme)".</summary>
    public string Summary => $"{Words.Label(ActivityType)}{RequestMessages.With(Prospect)}: {AdvocateName}{(AdvocateAccount is null ? string.Empty : $" ({AdvocateAccount})")}";

    /// <summary>Why the call is held, in a sentence the advocate can prepare from.</summary>
    public string Purpose
    {
        get
        {
            var who = string.IsNullOrWhiteSpace(Prospect) ? "The prospect" : Prospect;
            return Products.Count == 0
                ? $"{who} would like to hear about your experience as a customer."
                : $"{who} is evaluating {string.Join(", ", Products)} and would like to hear how you use {(Products.Count == 1 ? "it" : "them")}.";
        }
    }

    /// <summary>How to join: what the requester gave when booking, or who will send the details.</summary>
    public string HowToJoin => string.IsNullOrWhiteSpace(JoinDetails)
        ? $"{RequesterName} will send the joining details ({Words.Phrase(Channel)}){(RequesterEmail is null ? string.Empty : "; reply to " + RequesterEmail + " with any question")}."
        : JoinDetails.Trim();

    public string Description =>
        $"{Words.Label(ActivityType)} arranged through Endorse (request #{RequestId}).\n" +
        $"Prospect: {(string.IsNullOrWhiteSpace(Prospect) ? "not named" : Prospect)}\n" +
        $"Purpose: {Purpose}\n" +
        $"Advocate: {AdvocateName}{(AdvocateAccount is null ? string.Empty : ", " + AdvocateAccount)}\n" +
        $"Arranged by: {RequesterName}{(RequesterEmail is null ? string.Empty : " <" + RequesterEmail + ">")}\n" +
        $"How to join: {HowToJoin}";

    /// <summary>"Booked: reference call with Globex, Thu 3 Dec 2026, 14:30 CET".</summary>
    public string Subject(bool cancelled, string when) =>
        $"{(cancelled ? "Cancelled" : "Booked")}: {Words.Phrase(ActivityType)}{RequestMessages.With(Prospect)}, {when}";

    public string MailText(bool cancelled, string when, int minutes) => cancelled
        ? $"The {Words.Phrase(ActivityType)}{RequestMessages.With(Prospect)} on {when} is cancelled. Thank you for making the time; nothing more is needed from you."
        : $"The {Words.Phrase(ActivityType)}{RequestMessages.With(Prospect)} is booked for {when} ({minutes} minutes).\n\n" +
          $"Purpose: {Purpose}\nWith: {AdvocateName}{(AdvocateAccount is null ? string.Empty : " (" + AdvocateAccount + ")")} and {RequesterName}\n" +
          $"How to join: {HowToJoin}\n\nThe calendar invitation is attached.";
}
