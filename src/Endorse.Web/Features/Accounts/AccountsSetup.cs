using Endorse.Accounts;
using Endorse.Contacts;

namespace Endorse.Web.Features.Accounts;

/// <summary>The services of the account and contact features.</summary>
public static class AccountsSetup
{
    public static IServiceCollection AddAccountsAndContacts(this IServiceCollection services)
    {
        services.AddSingleton<AccountValidator>();
        services.AddSingleton<ContactValidator>();
        services.AddScoped<AccountService>();
        services.AddScoped<ContactService>();
        services.AddScoped<CustomerWork>();
        return services;
    }
}
