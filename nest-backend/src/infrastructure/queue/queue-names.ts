export const VIP_QUEUE = 'orders-vip';
export const NORMAL_QUEUE = 'orders-normal';
export const EVENTS_QUEUE = 'events';
