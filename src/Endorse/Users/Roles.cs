namespace Endorse.Users;

/// <summary>The roles of Endorse. Names are stored in Identity and used in policies.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string ReferenceManager = "ReferenceManager";
    public const string SalesRep = "SalesRep";
    public const string SalesManager = "SalesManager";
    public const string Marketing = "Marketing";
    public const string CustomerSuccess = "CustomerSuccess";
    public const string Executive = "Executive";

    public static readonly IReadOnlyList<string> All = [Administrator, ReferenceManager, SalesRep, SalesManager, Marketing, CustomerSuccess, Executive];

    public static string DisplayName(string role) => role switch
    {
        ReferenceManager => "Reference manager",
        SalesRep => "Sales rep",
        SalesManager => "Sales manager",
        CustomerSuccess => "Customer success",
        _ => role,
    };
}
