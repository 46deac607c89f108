using Endorse.Listing;

namespace Endorse.Web.Features.Users;

/// <summary>The field messages of a failed command, as the forms of these pages show them.</summary>
public sealed class FieldErrors
{
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    public bool Any => errors.Count > 0;

    public IEnumerable<string> All => errors.SelectMany(e => e.Value);

    public void Set(ValidationErrors? validation) => errors = validation?.ToDictionary() ?? new Dictionary<string, string[]>();

    public void Clear() => errors = new Dictionary<string, string[]>();

    public bool Has(string field) => errors.ContainsKey(field);

    public string? Text(string field) => errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
