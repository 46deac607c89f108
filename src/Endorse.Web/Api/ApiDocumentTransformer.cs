using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Endorse.Web.Api;

/// <summary>
/// What a client (and a standard linter: Redocly's recommended rules) needs from the document as a whole: the public
/// address as its server, without a trailing slash, a description for every tag, the licence and a contact (both from the <c>Api</c>
/// settings, with defaults).
/// </summary>
internal sealed class ApiDocumentTransformer(IConfiguration configuration) : IOpenApiDocumentTransformer
{
    /// <summary>Every tag the API's endpoints use, with what it holds. A tag missing here fails OpenApiLintTests.</summary>
    internal static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Access tokens"] = "Personal access tokens: create, list and revoke the tokens that authenticate API clients as their user.",
        ["Accounts"] = "Accounts (companies in the CRM: prospects, customers, former customers) with their disclosure permission, products owned and contract dates.",
        ["Advocates"] = "Advocates: contacts enrolled in the program, their referenceability profile, preferences, status and fatigue.",
        ["Audit log"] = "The audit log: every change to consent, permissions, approvals and points, who made it and when.",
        ["Candidate discovery"] = "Candidate discovery: customers who are not yet advocates, ranked by how much they look like the best references and the wish list, with the reasons.",
        ["Contacts"] = "Contacts: people at accounts, with their title and seniority tier.",
        ["Executive programs"] = "Executive programs (peering, briefing, panel, club) for senior customer executives, their members and the commitments made there.",
        ["Imports"] = "CRM imports (Salesforce, HubSpot, CSV): upload, preview, run, and read each import's report, warnings and rejections.",
        ["Matching"] = "Matching: available advocates ranked for a reference request, each score explained factor by factor, each excluded advocate with its reason.",
        ["Nominations"] = "Nominations of contacts as advocates (happy customers and pocket references), their review, the owner's approval, conversion, and the pool rules.",
        ["Notifications"] = "The signed-in user's notifications (the inbox): list, read and mark as read.",
        ["Objections"] = "Objections account owners give for blocking an approach, the playbook's suggested responses, and escalations of service-problem patterns.",
        ["Onboarding check-ins"] = "Onboarding check-ins: the satisfaction check-ins with new customers that find the next advocates.",
        ["Opportunities"] = "Opportunities (deals from the CRM) that reference requests support and activities influence.",
        ["Products"] = "The product catalog: products advocates can speak for and accounts own.",
        ["Profile"] = "The signed-in user's own preferences (time zone, language, notification mail).",
        ["Program"] = "The program as a whole: its overview figures.",
        ["Program hygiene"] = "Program hygiene: the six questions a program should answer yes to, tracked over time.",
        ["Program settings"] = "Program settings: the fatigue policy, pool rules and service-escalation thresholds.",
        ["Readiness gates"] = "Readiness gates: reasons not to ask an account now (an unhappy customer, a big bid, a renewal…), each explained and time-bound.",
        ["Regions"] = "Regions accounts are in and requests ask for.",
        ["Requests"] = "Reference requests: sales asks for an activity with an advocate for an opportunity; approvals, bookings, feedback and closing.",
        ["Sales areas"] = "Sales areas, which the scorecard and pool rules count by.",
        ["Sectors"] = "Sectors (industries) accounts are in and requests ask for.",
        ["Users"] = "Users of this Endorse instance and their roles.",
        ["Wish list"] = "The wish list: customers that sales wish were references.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        // The address people reach this instance at (PublicBaseUrl, required in production) rather than the host the
        // request came to (a proxy's upstream, or localhost); without it, the request's own address.
        if (Endorse.Notifications.MailSettings.FromConfiguration(configuration).PublicAddress.Configured is { } configured)
        {
            document.Servers = [new OpenApiServer { Url = configured.ToString() }];
        }

        foreach (var server in document.Servers ?? [])
        {
            if (server.Url is { Length: > 1 } url && url.EndsWith('/'))
            {
                server.Url = url.TrimEnd('/');
            }
        }

        var used = (document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>())
            .SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .SelectMany(operation => operation.Tags ?? Enumerable.Empty<OpenApiTagReference>())
            .Select(tag => tag.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var name in used.Where(name => document.Tags.All(tag => tag.Name != name)))
        {
            document.Tags.Add(new OpenApiTag { Name = name });
        }

        foreach (var tag in document.Tags)
        {
            if (string.IsNullOrEmpty(tag.Description) && tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        document.Info.License = new OpenApiLicense
        {
            Name = configuration["Api:License:Name"] is { Length: > 0 } licence ? licence : "Proprietary",
            Identifier = configuration["Api:License:Identifier"] is { Length: > 0 } identifier ? identifier : null,
            Url = Uri.TryCreate(configuration["Api:License:Url"], UriKind.Absolute, out var licenceUrl) ? licenceUrl : null,
        };
        if (document.Info.License.Identifier is null && document.Info.License.Url is null)
        {
            document.Info.License.Identifier = "LicenseRef-Proprietary";
        }

        document.Info.Contact = new OpenApiContact
        {
            Name = configuration["Api:Contact:Name"] is { Length: > 0 } contact ? contact : "The operator of this Endorse instance",
            Email = configuration["Api:Contact:Email"] is { Length: > 0 } email ? email : configuration["Mail:From"],
            Url = Uri.TryCreate(configuration["Api:Contact:Url"], UriKind.Absolute, out var contactUrl) ? contactUrl : null,
        };
        return Task.CompletedTask;
    }
}
