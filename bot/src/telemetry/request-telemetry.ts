import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { Request, RequestHandler } from "express";
import type { Telemetry } from "./telemetry.js";

/**
 * The route a request matched, as its template (`/api/huddles/:meetingId/events`), never the URL:
 * a URL carries meeting ids, reference codes, calendar keys and query strings. Unmatched paths
 * are one of two fixed names.
 */
export function routeTemplate(request: Request): string {
  const matched = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof matched === "string") return `${request.baseUrl}${matched}`;
  return request.originalUrl.startsWith("/api") ? "/api/*" : "static";
}

/**
 * One server span and one duration per HTTP request, named and labelled by method, route template
 * and status code only. The span is active while the request is handled, so the store calls made
 * for it are its children. An event stream's span lasts as long as the stream.
 */
export function requestTelemetry(telemetry: Telemetry): RequestHandler {
  if (!telemetry.enabled) return (_request, _response, next) => next();
  return (request, response, next) => {
    const started = performance.now();
    const method = request.method;
    const span = telemetry.tracer.startSpan(method, { kind: SpanKind.SERVER, attributes: { "http.request.method": method } });
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      const route = routeTemplate(request);
      // A stream cut by the client before an answer has no status yet; 499 is the usual name for it.
      const status = response.headersSent || response.writableFinished ? response.statusCode : 499;
      const attributes = { "http.request.method": method, "http.route": route, "http.response.status_code": status };
      span.updateName(`${method} ${route}`);
      span.setAttributes(attributes);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      telemetry.requestDuration.record((performance.now() - started) / 1000, attributes);
    };
    response.once("finish", end);
    response.once("close", end);
    context.with(trace.setSpan(context.active(), span), next);
  };
}
