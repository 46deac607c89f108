using Endorse.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

if (await CommandLine.TryRunAsync(args, builder))
{
    return;
}

builder.AddEndorse();

var app = builder.Build();
app.UseEndorse();
await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Exposed so tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
