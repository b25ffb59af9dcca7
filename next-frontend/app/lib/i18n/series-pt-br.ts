/** Texts of the recorded throughput series (run page, comparison) in Portuguese; the keys every language must have. */
export const seriesPtBR = {
  'series.title': 'Vazão registrada',
  'series.description': 'Pedidos por segundo de cada prioridade, registrados pelo servidor durante a execução (média de cada intervalo de {seconds} s).',
  'series.notRecorded': 'Nada foi registrado durante esta execução (anterior ao registro de séries): só o início e o fim.',
  'series.empty': 'Ainda não há pontos registrados para esta execução.',
  'series.unavailable': 'O relatório desta execução não pôde ser lido.',
  'series.points': '{count, plural, one {# ponto} other {# pontos}}',
  'series.downloadCsv': 'Baixar relatório (CSV)',
  'series.openJson': 'Relatório (JSON)',
  'series.compareTitle': 'Vazão das duas execuções',
  'series.compareDescription': 'Pedidos por segundo ao longo de cada execução, em segundos desde o seu início: A em linha contínua, B tracejada.',
  'series.lane': '{run} · {lane}',
};
