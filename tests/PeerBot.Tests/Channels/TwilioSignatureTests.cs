using System.Text;
using System.Text.Json;
using PeerBot.Channels.Sms;
using PeerBot.Tests.Testing;
using Xunit;

namespace PeerBot.Tests.Channels;

/// <summary>Every vector in shared/fixtures/twilio/vectors.json behaves as recorded.</summary>
public sealed class TwilioSignatureTests
{
    private static readonly JsonElement Vectors = JsonDocument.Parse(File.ReadAllText(Paths.Fixture("twilio", "vectors.json"))).RootElement;

    public static TheoryData<string> FormVectorIds()
    {
        var data = new TheoryData<string>();
        foreach (var vector in Vectors.GetProperty("form_vectors").EnumerateArray())
            data.Add(vector.GetProperty("id").GetString()!);
        return data;
    }

    public static TheoryData<string> JsonVectorIds()
    {
        var data = new TheoryData<string>();
        foreach (var vector in Vectors.GetProperty("json_body_vectors").EnumerateArray())
            data.Add(vector.GetProperty("id").GetString()!);
        return data;
    }

    [Theory, MemberData(nameof(FormVectorIds))]
    public void FormVector_Validates_AsRecorded(string id)
    {
        var vector = Vectors.GetProperty("form_vectors").EnumerateArray().Single(v => v.GetProperty("id").GetString() == id);

        var valid = TwilioSignature.IsValid(vector.GetProperty("auth_token").GetString()!, vector.GetProperty("url").GetString()!,
            Params(vector), vector.GetProperty("x_twilio_signature").GetString());

        Assert.Equal(vector.GetProperty("expect_valid").GetBoolean(), valid);
    }

    [Theory, MemberData(nameof(FormVectorIds))]
    public void FormVector_SignedString_ProducesRecordedSignature(string id)
    {
        var vector = Vectors.GetProperty("form_vectors").EnumerateArray().Single(v => v.GetProperty("id").GetString() == id);
        if (!vector.TryGetProperty("signed_url", out var signedUrl))
            return; // negative vectors have no signed URL

        var signature = TwilioSignature.Compute(vector.GetProperty("auth_token").GetString()!, signedUrl.GetString()!, Params(vector));

        Assert.Equal(vector.GetProperty("x_twilio_signature").GetString(), signature);
    }

    [Fact]
    public void DuplicateKeys_SortedAndDeduplicated_MatchTwilio()
    {
        var vector = Vectors.GetProperty("duplicate_key_vector");

        var valid = TwilioSignature.IsValid(vector.GetProperty("auth_token").GetString()!, vector.GetProperty("url").GetString()!,
            Params(vector), vector.GetProperty("x_twilio_signature").GetString());

        Assert.True(valid);
        // The comma-joined NameValueCollection signature (twilio-csharp's pitfall) must not be what we accept.
        Assert.False(TwilioSignature.IsValid("12345", vector.GetProperty("url").GetString()!, Params(vector), "bQp38VnLhWhkW9IsihazaX34UdM="));
    }

    [Theory, MemberData(nameof(JsonVectorIds))]
    public void JsonVector_Validates_AsRecorded(string id)
    {
        var vector = Vectors.GetProperty("json_body_vectors").EnumerateArray().Single(v => v.GetProperty("id").GetString() == id);

        var valid = TwilioSignature.IsValidJson(vector.GetProperty("auth_token").GetString()!, vector.GetProperty("url").GetString()!,
            Encoding.UTF8.GetBytes(vector.GetProperty("raw_body").GetString()!), vector.GetProperty("x_twilio_signature").GetString());

        Assert.Equal(vector.GetProperty("expect_valid").GetBoolean(), valid);
    }

    [Fact]
    public void JsonBody_Tampered_Rejected()
    {
        var vector = Vectors.GetProperty("json_body_vectors")[0];

        var valid = TwilioSignature.IsValidJson("12345", vector.GetProperty("url").GetString()!,
            Encoding.UTF8.GetBytes("{\"property\": \"other\", \"boolean\": true}"), vector.GetProperty("x_twilio_signature").GetString());

        Assert.False(valid);
    }

    [Fact]
    public void MissingSignatureOrParamChanged_Rejected()
    {
        var vector = Vectors.GetProperty("form_vectors")[0];
        var url = vector.GetProperty("url").GetString()!;
        var changed = Params(vector).Select(p => p.Key == "Digits" ? new KeyValuePair<string, string?>("Digits", "9999") : p).ToList();

        Assert.False(TwilioSignature.IsValid("12345", url, Params(vector), null));
        Assert.False(TwilioSignature.IsValid("12345", url, changed, vector.GetProperty("x_twilio_signature").GetString()));
        Assert.False(TwilioSignature.IsValid("wrong", url, Params(vector), vector.GetProperty("x_twilio_signature").GetString()));
    }

    private static List<KeyValuePair<string, string?>> Params(JsonElement vector) =>
        vector.GetProperty("params").EnumerateArray()
            .Select(p => new KeyValuePair<string, string?>(p[0].GetString()!, p[1].GetString()))
            .ToList();
}
