using System.Text.Json;
using System.Text.Json.Serialization;
using Endorse.Listing;

namespace Endorse.Web.Api;

/// <summary>
/// Reads every JSON string of a request body through <see cref="InputText"/>: a NUL, another control character (line
/// breaks and tabs are fine) or half of a surrogate pair is refused as a field error, so such text never reaches the
/// database (PostgreSQL cannot store a NUL). Writing is unchanged.
/// </summary>
public sealed class InputTextJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException();
        }

        string? value;
        try
        {
            value = reader.GetString();
        }
        catch (InvalidOperationException e)
        {
            // An escaped half of a surrogate pair ("\ud800") has no UTF-16 string to become.
            throw new InputTextException("The text contains an invalid character (half of a surrogate pair).", e);
        }

        return InputText.Problem(value, multiline: true) is { } problem ? throw new InputTextException("The text " + problem) : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}

/// <summary>A JSON string that <see cref="InputText"/> refuses; <see cref="Reason"/> is the sentence for the client.</summary>
public sealed class InputTextException : JsonException
{
    public InputTextException()
        : this("The text is not acceptable.")
    {
    }

    public InputTextException(string reason)
        : base(reason) => Reason = reason;

    public InputTextException(string reason, Exception innerException)
        : base(reason, innerException) => Reason = reason;

    public string Reason { get; }
}
