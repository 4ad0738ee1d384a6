import { describe, expect, it } from 'vitest'
import { headlineOf } from './poster-plan.ts'

describe('headlineOf', () => {
  it.each([
    ['A summer sale ad for lemon soda', 'SUMMER SALE AD FOR LEMON'],
    ['Bakery window poster with the headline ‘Fresh Bread Daily’', 'FRESH BREAD DAILY'],
    ['Poster saying "50% off" in big letters', '50% OFF'],
    ['Café crème, très bon', 'CAFE CREME'],
    ['Coffee shop grand opening, 20% off all drinks', 'COFFEE SHOP GRAND OPENING'],
    ['一杯咖啡', ''],
  ])('should headline “%s” as “%s”', (prompt, headline) => {
    expect(headlineOf(prompt)).toBe(headline)
  })
})
