/** Texts of the alert banner (pt-BR), merged into the main dictionary; alerts-en.ts has exactly these keys. */
export const alertsPtBR = {
  'alerts.label': 'Alertas abertos',
  'alerts.critical': 'Crítico',
  'alerts.warning': 'Atenção',
  'alerts.open': 'Abrir',
  'alerts.laneStalled': 'Fila {lane} sem progresso desde {since} com trabalho pendente (limite {seconds} s, execução {run}).',
  'alerts.laneStalledPaused': 'Fila {lane} parada desde {since}: a fila está pausada com trabalho pendente (limite {seconds} s, execução {run}).',
  'alerts.vipDeadline': 'Pedidos VIP da execução {run} passaram do prazo de {seconds} s (alerta desde {since}).',
  'alerts.runError': 'A execução {run} terminou em ERRO: {reason}',
  'alerts.deadLetters': '{count, plural, one {# pedido} other {# pedidos}} em dead letters aguardando nova tentativa.',
  'alerts.queueUnreachable': 'Redis (fila) inacessível desde {since}.',
  'alerts.databaseUnreachable': 'Banco de dados inacessível desde {since}.',
} as const;
