/** How often goods move along a supply link. */
export enum DeliveryFrequency {
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  FORTNIGHTLY = 'FORTNIGHTLY',
  MONTHLY = 'MONTHLY',
  SEASONAL = 'SEASONAL',
  OCCASIONAL = 'OCCASIONAL',
}

export const DELIVERY_FREQUENCIES = Object.values(DeliveryFrequency);
