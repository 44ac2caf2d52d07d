/** The whole territory report as a front-end asks it: the selection of tests/report-data.test.ts (every section). */
export const TERRITORY_REPORT = /* GraphQL */ `
  query TerritoryReportData($territory: TerritoryInput!, $year: Int) {
    territoryReport(territory: $territory, year: $year) {
      territory {
        kind
        code
        name
        population
        communeInsees
        departmentCodes
      }
      year
      hasData
      dataDate
      definitions {
        local
        localRadiusKm
        circuitCourt
        year
        egalimTargets {
          quality
          organic
          meatFish
        }
      }
      foodSystem {
        actorCount
        actorsByRole {
          role
          count
        }
        actors {
          id
          name
          communeInsee
          latitude
          longitude
          publicBuyer
        }
        productionByFamily {
          family
          unit
          producers
          links
          withheld
          volume
          valueEur
        }
        transformed {
          product {
            id
          }
          unit
          processors
          withheld
          volume
        }
      }
      catering {
        kitchenCount
        publicKitchenCount
        totalWithheld
        total {
          ...Egalim
        }
        kitchens {
          kitchen {
            id
            name
            publicBuyer
          }
          figures {
            ...Egalim
          }
        }
      }
      localSupply {
        all {
          ...Local
        }
        kitchens {
          ...Local
        }
      }
      coverage {
        needs
        coveredNeeds
        partialNeeds
        unmetNeeds
        byFamily {
          family
          unit
          needs
          buyers
          withheld
          needVolume
          coveredVolume
          localCoveredVolume
          coverageShare
          localCoverageShare
        }
      }
      risks {
        checkedNeeds
        coveredNeeds
        singleSupplierNeeds {
          needId
          buyer {
            id
          }
          supplier {
            id
          }
          unit
          volume
        }
        criticalActors {
          actor {
            id
          }
          needsAffected
          buyersAffected
          uncoveredVolumes {
            unit
            volume
          }
          volumesWithheld
        }
        labelIntegrity {
          checked
          broken
          unknownProvenance
          breaks {
            kind
            seller {
              id
            }
            product {
              id
            }
            breakSupplier {
              id
              communeInsee
            }
            breakProduct {
              id
            }
            depth
          }
        }
      }
      actions {
        unmetNeeds
        partialNeeds
        needsWithCandidates
        actions {
          needId
          buyer {
            id
          }
          product {
            id
          }
          requiredLabelIds
          coverage
          gap
          candidates {
            supplier {
              id
              communeInsee
            }
            product {
              id
            }
            intermediaries
            labelIds
          }
        }
      }
      methods {
        key
        title
        definition
      }
      sources
    }
  }

  fragment Egalim on EgalimFigures {
    purchaseValueEur
    links
    linksWithoutValue
    qualityValueEur
    qualityShare
    qualityGapEur
    organicValueEur
    organicShare
    organicGapEur
    meatFishValueEur
    meatFishQualityValueEur
    meatFishQualityShare
    meatFishGapEur
    agrilocalValueEur
    agrilocalShare
    byFamily {
      family
      purchaseValueEur
      qualityValueEur
      qualityShare
      organicValueEur
      organicShare
    }
  }

  fragment Local on LocalSupplyFigures {
    links
    buyers
    withheld
    purchaseValueEur
    localValueEur
    localShare
    circuitCourtValueEur
    circuitCourtShare
    weightedDistanceKm
    outsideValueEur
    outsideShare
  }
`;
