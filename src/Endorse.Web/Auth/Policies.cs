using Endorse.Users;

namespace Endorse.Web.Auth;

/// <summary>Who may read and who may change what. Row-level rules (a rep changes only accounts they own) live in <see cref="Endorse.Accounts.AccountAccess"/>.</summary>
public static class Policies
{
    /// <summary>Any employee: read accounts, contacts, products, opportunities.</summary>
    public const string ReadCustomers = nameof(ReadCustomers);

    /// <summary>Change accounts, contacts and opportunities (reps: only their own accounts).</summary>
    public const string ChangeCustomers = nameof(ChangeCustomers);

    /// <summary>Products, sectors, regions, sales areas.</summary>
    public const string ManageCatalog = nameof(ManageCatalog);

    /// <summary>Import CRM exports.</summary>
    public const string ImportData = nameof(ImportData);

    /// <summary>Users, roles, the audit log.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>The reference program's settings: fatigue policy, match weights, fulfilment modes.</summary>
    public const string ManageProgram = nameof(ManageProgram);

    public static IServiceCollection AddEndorseAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadCustomers, p => p.RequireAuthenticatedUser().RequireRole(Roles.All))
            .AddPolicy(ChangeCustomers, p => p.RequireRole(Roles.Administrator, Roles.ReferenceManager, Roles.SalesRep, Roles.SalesManager, Roles.CustomerSuccess))
            .AddPolicy(ManageCatalog, p => p.RequireRole(Roles.Administrator, Roles.ReferenceManager))
            .AddPolicy(ImportData, p => p.RequireRole(Roles.Administrator, Roles.ReferenceManager))
            .AddPolicy(ManageProgram, p => p.RequireRole(Roles.Administrator, Roles.ReferenceManager))
            .AddPolicy(Administer, p => p.RequireRole(Roles.Administrator));
        return services;
    }
}
