using Endorse.Import;
using Endorse.Storage;

namespace Endorse.Web.Features.Import;

public static class ImportServices
{
    /// <summary>File storage, the import service and runner, the progress registry and the background worker.</summary>
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddSingleton<IFileStorage, LocalFileStorage>();
        services.AddSingleton<ImportProgress>();
        services.AddSingleton(provider => ImportNode.From(provider.GetRequiredService<IConfiguration>()));
        services.AddScoped<ImportService>();
        services.AddScoped<ImportReportService>();
        services.AddSingleton<ImportWork>();
        services.AddScoped<ImportRunner>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
