namespace Endorse.Hygiene;

/// <summary>A new answer to a hygiene question: yes, partly or no, with the evidence and the day it holds from (default today).</summary>
public sealed record HygieneAnswerInput(HygieneQuestion? Question, HygieneAnswerValue? Answer, string? Evidence, DateOnly? AnsweredOn);

/// <summary>One recorded answer.</summary>
public sealed record HygieneAnswerRow(int Id, HygieneQuestion Question, HygieneAnswerValue Answer, string Evidence, DateOnly AnsweredOn, string? ByName, DateTimeOffset CreatedAt);

/// <summary>A question with its current (latest) answer, if any.</summary>
public sealed record HygieneQuestionView(HygieneQuestion Question, string Title, string Text, HygieneAnswerRow? Current);

/// <summary>The program's hygiene score on a day: yes counts 1, partly a half, of six.</summary>
public sealed record HygieneProgressPoint(DateOnly On, double Score, int Yes, int Partly, int No, int Unanswered);

/// <summary>The hygiene page: the six questions with their current answers and the score over time.</summary>
public sealed record HygieneOverview(IReadOnlyList<HygieneQuestionView> Questions, double Score, IReadOnlyList<HygieneProgressPoint> Progress, bool MayAnswer);

/// <summary>An answer as a CSV line.</summary>
public sealed record HygieneCsvRow(int Id, string Question, string Answer, string Evidence, string AnsweredOn, string? By);

/// <summary>The advocacy kit as read and edited: title, Markdown body, who changed it last and when.</summary>
public sealed record AdvocacyKitView(string Title, string Body, string Html, string? UpdatedByName, DateTimeOffset? UpdatedAt, bool IsDefault, bool MayEdit);

public sealed record AdvocacyKitInput(string? Title, string? Body, DateTimeOffset? UpdatedAt);

/// <summary>The six questions in words (from the first source article, in our own words).</summary>
public static class HygieneText
{
    public static IReadOnlyList<HygieneQuestion> All { get; } = Enum.GetValues<HygieneQuestion>();

    public static string Title(HygieneQuestion question) => question switch
    {
        HygieneQuestion.ExecutiveSponsorship => "Executive sponsorship",
        HygieneQuestion.StandingAgendaItem => "A standing agenda item",
        HygieneQuestion.ManagersTargets => "Managers' personal targets",
        HygieneQuestion.AdvocacyInContracts => "Advocacy in contracts",
        HygieneQuestion.ReferenceTeamAndSales => "The reference team and sales in contact",
        HygieneQuestion.AdvocacyKit => "An advocacy kit",
        _ => question.ToString(),
    };

    public static string Text(HygieneQuestion question) => question switch
    {
        HygieneQuestion.ExecutiveSponsorship => "Does our chief executive champion recruiting advocates, and say so regularly inside the company?",
        HygieneQuestion.StandingAgendaItem => "Are references and advocates a fixed item on the agenda of every senior management meeting, the sales meetings above all?",
        HygieneQuestion.ManagersTargets => "Do sales managers carry personal targets for turning customers into advocates, and do those targets count when they are missed?",
        HygieneQuestion.AdvocacyInContracts => "Do our customer contracts include advocacy, such as taking part in a case study six months after signing?",
        HygieneQuestion.ReferenceTeamAndSales => "Does the reference team talk with sales regularly, with champions in sales who give advice and open doors?",
        HygieneQuestion.AdvocacyKit => "Do customer-facing people (sales, service, senior managers) have a short, persuasive advocacy kit they use whenever they meet a customer?",
        _ => string.Empty,
    };

    public static string Answer(HygieneAnswerValue answer) => answer switch
    {
        HygieneAnswerValue.Yes => "Yes",
        HygieneAnswerValue.Partly => "Partly",
        _ => "No",
    };

    public static double Points(HygieneAnswerValue answer) => answer switch
    {
        HygieneAnswerValue.Yes => 1,
        HygieneAnswerValue.Partly => 0.5,
        _ => 0,
    };
}
