using Endorse.Accounts;
using Endorse.Contacts;

namespace Endorse.Import;

/// <summary>The product's words for values an import's sentences name (never an enum's name).</summary>
internal static class Words
{
    public static string Relationship(AccountRelationship value) => value switch
    {
        AccountRelationship.Customer => "a customer",
        AccountRelationship.FormerCustomer => "a former customer",
        _ => "a prospect",
    };

    public static string Seniority(SeniorityTier tier) => tier switch
    {
        SeniorityTier.CLevel => "C-level",
        SeniorityTier.VicePresident => "VP",
        SeniorityTier.Director => "Director",
        SeniorityTier.Manager => "Manager",
        SeniorityTier.Practitioner => "Practitioner",
        _ => "unknown",
    };

    public static string Outcome(DealOutcome outcome) => outcome switch
    {
        DealOutcome.Won => "won",
        DealOutcome.Lost => "lost",
        _ => "open",
    };
}
