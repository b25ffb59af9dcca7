/**
 * The query of an endpoint that takes no parameters. The global ValidationPipe forbids properties a DTO
 * does not declare, so `POST /pedidos/reset?confirm=false` is a 400 naming `confirm` rather than a reset.
 */
export class NoQuery {}
