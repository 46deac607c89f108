using System.Reflection;
using Endorse.Listing;

namespace Endorse.Web.Api;

/// <summary>
/// Checks what every /api/v1 endpoint receives before its handler runs, in one place, so a new endpoint is covered
/// without doing anything: the <c>search</c> of every list and export (no control characters, at most
/// <see cref="InputText.MaxSearchLength"/> characters), every other query and path value (no control characters, no
/// half surrogate pairs, bounded), and a JSON body bound to a parameter (present: <c>null</c> is not an object).
/// A refusal is a 400 problem detail naming the parameter; nothing has been read from or written to the database yet.
/// </summary>
public static class ApiInputFilter
{
    /// <summary>The longest query or path value accepted (ids, names, dates, sort keys are far shorter).</summary>
    public const int MaxValueLength = 2_000;

    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bodyIndex = BodyParameterIndex(context);
        return async invocation =>
        {
            if (Problem(invocation.HttpContext.Request) is { } problem)
            {
                return problem;
            }

            if (bodyIndex is { } index && invocation.Arguments[index] is null)
            {
                return JsonBody.Invalid("body", "A JSON object is required.");
            }

            return await next(invocation);
        };
    }

    /// <summary>The first refused query or path value of the request as a problem detail, or null.</summary>
    public static IResult? Problem(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (key, values) in request.Query)
        {
            var isSearch = string.Equals(key, "search", StringComparison.OrdinalIgnoreCase);
            var keyProblem = InputText.Problem(key, 200);
            if (keyProblem is not null)
            {
                return JsonBody.Invalid("query", "A parameter name " + keyProblem);
            }

            foreach (var value in values)
            {
                var problem = isSearch ? InputText.SearchProblem(value) : InputText.Problem(value, MaxValueLength);
                if (problem is not null)
                {
                    return JsonBody.Invalid(isSearch ? "search" : key, (isSearch ? "The search " : "The value ") + problem);
                }
            }
        }

        foreach (var (key, value) in request.RouteValues)
        {
            if (value is string text && InputText.Problem(text, MaxValueLength) is { } problem)
            {
                return JsonBody.Invalid(key, "The value " + problem);
            }
        }

        return null;
    }

    /// <summary>
    /// The position of the handler's parameter that ASP.NET Core binds from a JSON body (a class that is not a service,
    /// not a special type and not bound from elsewhere), when it has one.
    /// </summary>
    private static int? BodyParameterIndex(EndpointFilterFactoryContext context)
    {
        var services = context.ApplicationServices.GetService<Microsoft.Extensions.DependencyInjection.IServiceProviderIsService>();
        var parameters = context.MethodInfo.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var type = parameter.ParameterType;
            var boundElsewhere = parameter.GetCustomAttributes().Any(a => a is AsParametersAttribute
                or Microsoft.AspNetCore.Http.Metadata.IFromServiceMetadata or Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata
                or Microsoft.AspNetCore.Http.Metadata.IFromRouteMetadata or Microsoft.AspNetCore.Http.Metadata.IFromHeaderMetadata
                or Microsoft.AspNetCore.Http.Metadata.IFromFormMetadata);
            if (parameter.GetCustomAttributes().Any(a => a is Microsoft.AspNetCore.Http.Metadata.IFromBodyMetadata)
                || (!boundElsewhere && type.IsClass && type != typeof(string) && !Special.Contains(type) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
                    && type.GetMethod("BindAsync", BindingFlags.Public | BindingFlags.Static) is null
                    && type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]) is null
                    && services?.IsService(type) != true))
            {
                return i;
            }
        }

        return null;
    }

    private static readonly HashSet<Type> Special =
    [
        typeof(HttpContext), typeof(HttpRequest), typeof(HttpResponse), typeof(System.Security.Claims.ClaimsPrincipal),
        typeof(IFormFile), typeof(IFormCollection), typeof(IFormFileCollection), typeof(Stream), typeof(System.IO.Pipelines.PipeReader),
    ];
}
