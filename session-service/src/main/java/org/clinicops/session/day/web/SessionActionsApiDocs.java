package org.clinicops.session.day.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.clinicops.session.day.SessionAction;
import org.clinicops.support.apidocs.RequestBodyDoc;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.util.List;

import static org.clinicops.support.apidocs.ApiDocsAutoConfiguration.requestBody;

/**
 * The session-day actions share one handler, {@code POST /api/sessions/{sessionId}/{action}}; the API document shows
 * each as the route it is, with its own body and its own success answer (201 for what records something new).
 */
@Configuration(proxyBeanMethods = false)
class SessionActionsApiDocs {

    static final String ACTIONS = "/api/sessions/{sessionId}/{action}";

    /** Before the shared customizer, which then adds the problem answers to each action as to every route. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    OpenApiCustomizer sessionActionRoutes(ObjectProvider<RequestBodyDoc> bodies) {
        return openApi -> {
            PathItem actions = openApi.getPaths().remove(ACTIONS);
            if (actions == null || actions.getPost() == null) {
                throw new IllegalStateException("The API document has no POST " + ACTIONS + " to show as actions");
            }
            Operation handler = actions.getPost();
            for (SessionAction action : SessionAction.values()) {
                Operation operation = new Operation().operationId(operationId(action)).tags(handler.getTags())
                        .summary("The session-day action " + action.path())
                        .parameters(handler.getParameters().stream()
                                .filter(parameter -> !"action".equals(parameter.getName())).toList())
                        .responses(new ApiResponses().addApiResponse(String.valueOf(action.answers().value()),
                                new ApiResponse().description("The session as it now stands")
                                        .content(handler.getResponses().get("200").getContent())));
                RequestBody body = body(action, bodies);
                if (body != null) {
                    operation.requestBody(body);
                }
                openApi.getPaths().addPathItem("/api/sessions/{sessionId}/" + action.path(),
                        new PathItem().post(operation));
            }
        };
    }

    /** The action's body; null for one whose body is not read (a no-show). */
    private static RequestBody body(SessionAction action, ObjectProvider<RequestBodyDoc> bodies) {
        RequestBody body = switch (action) {
            case CHECK_IN -> requestBody(bodies, "CheckIn");
            case VITALS -> requestBody(bodies, "Vitals");
            case EFFECTS -> requestBody(bodies, "Effects");
            case DOSE_ORDER -> doseOrder(bodies);
            case DOSE_START -> requestBody(bodies, "DoseStart");
            case DOSE_END -> requestBody(bodies, "DoseEnd");
            case DISCHARGE -> requestBody(bodies, "Discharge");
            case DEFER -> requestBody(bodies, "Deferral");
            case CANCEL -> requestBody(bodies, "Cancellation");
            case NO_SHOW -> null;
        };
        return body == null ? null : body.required(action.body() == SessionAction.Body.REQUIRED);
    }

    /** By weight for IV and IM ({@code orderedMgPerKg}), in mg for esketamine ({@code orderedMg}). */
    private static RequestBody doseOrder(ObjectProvider<RequestBodyDoc> bodies) {
        RequestBody byWeight = requestBody(bodies, "DoseOrderByWeight");
        requestBody(bodies, "DoseOrderInMg"); // fails the document if the form the oneOf names is missing
        MediaType json = byWeight.getContent().get("application/json");
        json.schema(new Schema<>().oneOf(List.of(new Schema<>().$ref("#/components/schemas/DoseOrderByWeight"),
                new Schema<>().$ref("#/components/schemas/DoseOrderInMg"))));
        return byWeight.description("By weight (mg/kg) for IV and IM protocols, in mg for esketamine");
    }

    private static String operationId(SessionAction action) {
        StringBuilder id = new StringBuilder();
        for (String word : action.path().split("-")) {
            id.append(id.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return id.toString();
    }
}
