using Linli.Web.Features.Open311.Keys;
using Linli.Web.Features.Open311.Wire;

namespace Linli.Web.Features.Open311.Requests;

/// <summary>POST requests: a form (urlencoded as the spec says, or multipart with <c>media</c> photos) with a valid api_key.</summary>
public static class PostServiceRequest
{
    public static async Task<Open311Result> HandleAsync(string format, HttpRequest request, Open311Keys keys, Open311Intake intake, CancellationToken cancellationToken)
    {
        var wire = Open311Formats.Parse(format);
        if (!request.HasFormContentType)
        {
            return Open311Errors.BadRequest(wire, "Send the service request as application/x-www-form-urlencoded, or as multipart/form-data to attach media files.");
        }

        IFormCollection fields;
        try
        {
            fields = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Open311Errors.BadRequest(wire, $"The form could not be read: {e.Message}");
        }

        var (form, errors) = await ServiceRequestForm.ReadAsync(fields, request.Query, cancellationToken);
        var keyName = await keys.NameOfAsync(form.ApiKey, cancellationToken);
        if (keyName is null)
        {
            return Open311Errors.Forbidden(wire, form.ApiKey is null
                ? "api_key is required to post a service request."
                : "api_key is not valid (unknown or revoked); ask the city's administrators for a key.");
        }

        if (form.ServiceCode is not null && !await intake.IsServiceAsync(form.ServiceCode, cancellationToken))
        {
            return Open311Errors.NotFound(wire, $"service_code '{form.ServiceCode}' was not found; GET services.{format} lists them.");
        }

        if (form.AddressId is not null && form.Latitude is not null && !await intake.IsBuildingAsync(form.AddressId, cancellationToken))
        {
            errors.Add(new(400, $"address_id: no building has the code '{form.AddressId}'"));
        }

        if (errors.Count > 0)
        {
            return Open311Errors.Answer(wire, StatusCodes.Status400BadRequest, errors);
        }

        var (posted, refused) = await intake.SubmitAsync(form, keyName, cancellationToken);
        return posted is null
            ? Open311Errors.Answer(wire, StatusCodes.Status400BadRequest, refused)
            : new Open311Result(new[] { posted }, "service_requests", wire);
    }
}
